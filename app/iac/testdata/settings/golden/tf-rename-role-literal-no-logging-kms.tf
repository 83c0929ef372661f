# The order workflow.
resource "aws_sfn_state_machine" "orders" {
  name     = "orders-$${env}" # as the console shows it
  role_arn = "arn:aws:iam::123456789012:role/orders"

  definition = jsonencode({
    StartAt = "Ship"
    States  = { Ship = { Type = "Pass", End = true } }
  })

  encryption_configuration {
    type       = "CUSTOMER_MANAGED_KMS_KEY"
    kms_key_id = "alias/orders"
  }
}
