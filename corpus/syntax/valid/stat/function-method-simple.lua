function obj:m() return self end
