-- A small state machine using goto.
local input = 'aabab'
local pos, state_log = 1, {}
::state_a::
state_log[#state_log + 1] = 'A'
if pos > #input then goto finish end
if input:sub(pos, pos) == 'a' then pos = pos + 1 goto state_a end
pos = pos + 1
goto state_b
::state_b::
state_log[#state_log + 1] = 'B'
if pos > #input then goto finish end
if input:sub(pos, pos) == 'a' then pos = pos + 1 goto state_a end
pos = pos + 1
goto state_b
::finish::
print(table.concat(state_log))
