function f() return end
function g() return; end
