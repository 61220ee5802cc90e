-- Line and block comments of various levels.
--[[ block
comment ]] print('after block comment')
--[==[ level 2 ]] still comment
]==] print('after level-2 comment')
print('x') -- trailing comment
---[[ not a block comment
print('line comment trick')
--]]
