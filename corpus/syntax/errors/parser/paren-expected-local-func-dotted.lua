local function t.x() end
