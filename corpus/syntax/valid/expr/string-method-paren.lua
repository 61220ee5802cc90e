x = ("abc"):upper()
y = ('%d'):format(3)
