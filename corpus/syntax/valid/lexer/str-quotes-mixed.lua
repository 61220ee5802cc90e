a = 'say "hi"'
b = "it's"
c = ''
d = ""
