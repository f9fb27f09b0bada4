# A suppression written on a module block covers the findings inside that call (and only those).
# trailwatch:ignore TW001 the sandbox trail is replaced by the organization trail in Q3
module "sandbox" {
  source = "./trail"
}

module "production" {
  source = "./trail"
}
