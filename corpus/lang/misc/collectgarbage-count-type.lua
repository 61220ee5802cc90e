-- collectgarbage('count') returns a number (value not printed).
print(type(collectgarbage('count')), math.type(collectgarbage('count')))
print(collectgarbage('count') > 0)
