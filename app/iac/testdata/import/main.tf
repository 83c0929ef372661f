# Terraform: heredoc, indented heredoc, templatefile, template_file, jsonencode, var.
resource "aws_sfn_state_machine" "heredoc" {
  name     = "heredoc"
  role_arn = aws_iam_role.r.arn
  definition = <<EOF
{
  "StartAt": "A",
  "States": {"A": {"Type": "Task", "Resource": "${aws_lambda_function.f.arn}", "End": true}}
}
EOF
}

resource "aws_sfn_state_machine" "indented" {
  definition = <<-SFN
    {
      "StartAt": "A",
      "States": {"A": {"Type": "Pass", "End": true}}
    }
    SFN
}

resource "aws_sfn_state_machine" "file" {
  definition = templatefile("${path.module}/statemachine/order.asl.json", {
    OrderTableName = aws_dynamodb_table.orders.name
    Region         = "eu-west-1"
  })
}

data "template_file" "def" {
  template = file("${path.module}/statemachine/order.asl.json")
  vars = {
    OrderTableName = "orders"
  }
}

resource "aws_sfn_state_machine" "data" {
  definition = data.template_file.def.rendered
}

resource "aws_sfn_state_machine" "hcl" {
  definition = jsonencode({ StartAt = "A", States = { A = { Type = "Pass", End = true } } })
}

resource "aws_sfn_state_machine" "module" {
  definition = var.definition
}

resource "aws_sfn_state_machine" "dangling" {
  definition = data.template_file.nope.rendered
}

locals {
  order_definition = templatefile("${path.module}/statemachine/order.asl.json", { OrderTableName = "orders" })
}

resource "aws_sfn_state_machine" "local" {
  definition = local.order_definition
}

resource "aws_sfn_state_machine" "quoted" {
  definition = "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}"
}
