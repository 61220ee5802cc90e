-- collectgarbage() and collectgarbage("collect") run a full collection and return the integer
-- 0; extra arguments are accepted and ignored.
print(collectgarbage())
print(collectgarbage("collect"))
print(math.type(collectgarbage()), select("#", collectgarbage()))
print(collectgarbage("collect", 0), collectgarbage("collect", 100))
print(collectgarbage(nil))
