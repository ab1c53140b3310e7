import PsqluiREPL
print("psqlui")
