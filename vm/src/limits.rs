//! Every fixed limit of the VM in one place. Mirrors llimits.h and luaconf.h of PUC Lua 5.3.6.

/// Size of the buffer `luaO_chunkid` formats chunk names into (`LUA_IDSIZE`, luaconf.h).
pub const LUA_IDSIZE: usize = 60;

/// Nesting of native calls and of the parser's recursion (`LUAI_MAXCCALLS`, llimits.h).
pub const MAX_C_CALLS: u32 = 200;

/// Local variables active at once in one function (`MAXVARS`, lparser.c).
pub const MAX_VARS: usize = 200;

/// Upvalues of one function (`MAXUPVAL`, lfunc.h).
pub const MAX_UPVALUES: usize = 255;

/// Registers of one function (`MAXREGS`, lcode.c).
pub const MAX_REGISTERS: u32 = 255;

/// Number of list items accumulated before a `SETLIST` flush (`LFIELDS_PER_FLUSH`, lopcodes.h).
pub const FIELDS_PER_FLUSH: u32 = 50;

/// Slots of a Lua stack (`LUAI_MAXSTACK`, luaconf.h).
pub const MAX_STACK: usize = 1_000_000;

/// Slots PUC keeps free above the top of every stack (`EXTRA_STACK` in lstate.h), which every
/// check for room counts as in use: `n` more slots fit when `top + n + EXTRA_STACK` is at most
/// [`MAX_STACK`]. Stack indices are PUC's too (a coroutine's slot 0 is a dummy, as
/// `stack_init` leaves it), so a stack overflows at the same depth and size as in PUC.
pub const EXTRA_STACK: usize = 5;
