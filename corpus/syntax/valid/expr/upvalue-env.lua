local _ENV = {print = print}
print(x)
function g() return y end
