# The order workflow.
resource "aws_sfn_state_machine" "orders" {
  name     = "orders" # as the console shows it
  role_arn = aws_iam_role.orders.arn

  definition = jsonencode({
    StartAt = "Ship"
    States  = { Ship = { Type = "Pass", End = true } }
  })

  logging_configuration {
    log_destination        = "${aws_cloudwatch_log_group.orders.arn}:*"
    include_execution_data = true
    level                  = "ALL"
  }
}
