if a then if b then if c then end else end end
