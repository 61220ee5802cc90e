s = [[hello]]
