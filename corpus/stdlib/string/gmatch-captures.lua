-- With captures, each iteration returns them all.
for k, v in string.gmatch("a=1, b=22, c=333", "(%w+)=(%w+)") do print(k, v) end
for p, w in string.gmatch("ab cd", "()(%a+)") do print(p, w) end
for a, b, c in string.gmatch("x1y2z3", "(%a)(%d)()") do print(a, b, c) end
