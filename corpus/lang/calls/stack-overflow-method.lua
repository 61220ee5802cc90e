-- Stack overflow through method calls is also caught.
local obj = {}
function obj:down() return 1 + self:down() end
print(pcall(obj.down, obj))
