x = 1

y = "ok\n\e[0m"
