-- An error raised inside a gsub replacement function propagates through gsub.
local function expand(template, vars)
  return (template:gsub("%$(%w+)", function(name)
    local value = vars[name]
    if value == nil then error("undefined variable '" .. name .. "'") end
    return value
  end))
end
print(expand("$a and $b", {a = 1, b = 2}))
print(expand("$a and $c", {a = 1}))
