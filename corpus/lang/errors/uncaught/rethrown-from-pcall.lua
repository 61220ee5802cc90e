-- An error caught by pcall and raised again with level 0.
local function risky() error('original failure') end
local ok, err = pcall(risky)
print('caught:', ok, err)
error(err, 0)
