while x then end
