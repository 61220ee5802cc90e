-- An uncaught failed assertion without a message.
local function check(v) assert(v) end
check(true)
check(false)
