-- Numeric literal forms and their subtypes.
local lits = {3, 3.0, 3.1416, 314.16e-2, 0.31416E1, 34e1, 0xff, 0xBEBADA, 0xA, 0x0.1E, 0xA23p-4, 0X1.921FB54442D18P+1}
for i, v in ipairs(lits) do print(i, v, math.type(v)) end
