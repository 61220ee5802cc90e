if a then
elseif b then
else

