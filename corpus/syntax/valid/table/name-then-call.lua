t = {a 'str', b {1}, c [[x]]}
