-- Indexing nil inside nested calls with a global entry point.
function get_name(user) return user.profile.name end
function show(user) print('name:', get_name(user)) end
show({profile = {name = 'ann'}})
show({})
