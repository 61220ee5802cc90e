-- load with an explicit environment table.
local env = {value = 'in env'}
local f = load('return value', 'envtest', 't', env)
print(f())
env.value = 'changed'
print(f())
local g = load('result = 1 + 1', 'g', 't', env)
g()
print(env.result, result)
