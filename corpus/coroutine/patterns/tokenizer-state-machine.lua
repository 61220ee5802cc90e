-- A tokenizer written as a coroutine that is fed one character at a time: its position in
-- the code is its state, and it yields a token whenever one is complete.
local function tokenizer(emit)
  return coroutine.wrap(function(c)
    while true do
      if c == nil then return end
      if c:match("%d") then
        local num = c
        c = coroutine.yield()
        while c and c:match("%d") do num = num .. c; c = coroutine.yield() end
        emit("NUM", num)
      elseif c:match("%a") then
        local id = c
        c = coroutine.yield()
        while c and c:match("%w") do id = id .. c; c = coroutine.yield() end
        emit("ID", id)
      elseif c:match("%s") then
        c = coroutine.yield()
      else
        emit("OP", c)
        c = coroutine.yield()
      end
    end
  end)
end
local tokens = {}
local feed = tokenizer(function(kind, text) tokens[#tokens + 1] = kind .. ":" .. text end)
local src = "x1 = 42+foo*(7 - y)"
for i = 1, #src do feed(src:sub(i, i)) end
feed(nil)
print(table.concat(tokens, " "))
print(pcall(feed, "z"))
