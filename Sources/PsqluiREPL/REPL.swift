import PsqluiCore
