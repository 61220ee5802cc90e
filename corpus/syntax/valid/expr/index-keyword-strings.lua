x = t["end"] + t["goto"] + t['and']
t["while"] = 1
