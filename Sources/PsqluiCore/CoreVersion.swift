public enum PsqluiCoreInfo { public static let version = "0.1.0" }
