if true then end
if false then x = 1 end
if nil then elseif 1 then end
