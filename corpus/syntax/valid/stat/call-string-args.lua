f"x"
f'y'
f[[z]]
f[==[w]==]
