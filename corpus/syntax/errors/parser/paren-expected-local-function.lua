local function f
end
