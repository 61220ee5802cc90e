while false do end
