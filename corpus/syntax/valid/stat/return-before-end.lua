if x then return 1 elseif y then return else return 2; end
