local t = {}

for k
  of t do end
