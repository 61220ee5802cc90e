ends, If, END, goto_, continue, self, _ENV = 1
