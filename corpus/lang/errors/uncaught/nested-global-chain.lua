-- An uncaught error through several global functions.
function level3() local t = {} return t.x.y end
function level2() return (level3()) end
function level1() local v = level2() return v end
level1()
