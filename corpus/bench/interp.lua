-- Measures: a small bytecode interpreter loop (dispatch on string opcodes,
-- table-based stack and registers).
local program = {
  -- Computes the sum over i = 1..n of (i * i) % 7, with n in register 1.
  {'set', 2, 0},        -- acc = 0
  {'set', 3, 1},        -- i = 1
  {'gt', 3, 1, 11},     -- 3: if i > n goto 11
  {'mul', 4, 3, 3},     -- t = i * i
  {'modk', 4, 7},       -- t = t % 7
  {'add', 2, 2, 4},     -- acc = acc + t
  {'addk', 3, 1},       -- i = i + 1
  {'jmp', 3},           -- goto 3
  {'nop'}, {'nop'},
  {'halt', 2},          -- 11: return acc
}
local function run(prog, n)
  local reg = {n, 0, 0, 0}
  local pc = 1
  local steps = 0
  while true do
    local ins = prog[pc]
    local op = ins[1]
    steps = steps + 1
    pc = pc + 1
    if op == 'set' then reg[ins[2]] = ins[3]
    elseif op == 'add' then reg[ins[2]] = reg[ins[3]] + reg[ins[4]]
    elseif op == 'mul' then reg[ins[2]] = reg[ins[3]] * reg[ins[4]]
    elseif op == 'addk' then reg[ins[2]] = reg[ins[2]] + ins[3]
    elseif op == 'modk' then reg[ins[2]] = reg[ins[2]] % ins[3]
    elseif op == 'gt' then if reg[ins[2]] > reg[ins[3]] then pc = ins[4] end
    elseif op == 'jmp' then pc = ins[2]
    elseif op == 'nop' then
    elseif op == 'halt' then return reg[ins[2]], steps
    else error('bad opcode ' .. tostring(op)) end
  end
end
local r, steps = run(program, 1500000)
print('interp', r, steps)
