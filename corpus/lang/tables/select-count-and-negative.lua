-- select with '#', positive and negative indices.
print(select('#'), select('#', nil), select('#', nil, nil), select('#', 1, nil))
print(select(1, 'a', 'b', 'c'))
print(select(2, 'a', 'b', 'c'))
print(select(-1, 'a', 'b', 'c'))
print(select(-3, 'a', 'b', 'c'))
print(select(4, 'a', 'b', 'c'))
print(pcall(select, -4, 'a', 'b', 'c'))
print(pcall(select, 0, 'a'))
