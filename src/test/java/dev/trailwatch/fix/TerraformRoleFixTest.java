package dev.trailwatch.fix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailwatch.cli.ExitCodes;
import dev.trailwatch.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TW003 in Terraform is fixed only in a literal jsonencode({...}) policy of the same file (goldens:
 * testdata/fix/terraform/role-*); any other policy is left as it is and the user is told why.
 */
class TerraformRoleFixTest {
    @TempDir
    Path temp;

    @Test
    void aHeredocTrustPolicyIsExplainedNotChanged() throws IOException {
        Path file = write("""
                resource "aws_iam_role" "delivery" {
                  assume_role_policy = <<-JSON
                    {"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}}]}
                  JSON
                }

                resource "aws_cloudtrail" "audit" {
                  name                       = "audit"
                  s3_bucket_name             = "audit-logs"
                  cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:audit:*"
                  cloud_watch_logs_role_arn  = aws_iam_role.delivery.arn
                }
                """);
        Cli.Run run = fixLeavesUntouched(file);
        assertTrue(run.err().contains("trailwatch: not fixed " + file + ":11:3: TW003 aws_cloudtrail.audit: the trust"
                + " policy of aws_iam_role.delivery is not a literal jsonencode({...}) document: add the CloudTrail trust"
                + " statement by hand\n"), run.err());
    }

    @Test
    void aTrustPolicyFromAVariableIsExplainedNotChanged() throws IOException {
        Path file = write("""
                variable "trust" {
                  type    = string
                  default = "{\\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Action\\": \\"sts:AssumeRole\\", \\"Principal\\": {\\"Service\\": \\"ec2.amazonaws.com\\"}}]}"
                }

                resource "aws_iam_role" "delivery" {
                  assume_role_policy = var.trust
                }

                resource "aws_cloudtrail" "audit" {
                  name                       = "audit"
                  s3_bucket_name             = "audit-logs"
                  cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:audit:*"
                  cloud_watch_logs_role_arn  = aws_iam_role.delivery.arn
                }
                """);
        Cli.Run run = fixLeavesUntouched(file);
        assertTrue(run.err().contains("trailwatch: not fixed " + file + ":14:3: TW003 aws_cloudtrail.audit: the trust"
                + " policy of aws_iam_role.delivery is not a literal jsonencode({...}) document: add the CloudTrail trust"
                + " statement by hand\n"), run.err());
    }

    @Test
    void aPolicyFromAnIamPolicyDocumentIsExplainedNotChanged() throws IOException {
        Path file = write("""
                data "aws_iam_policy_document" "deliver" {
                  statement {
                    actions   = ["logs:DescribeLogGroups"]
                    resources = ["*"]
                  }
                }

                resource "aws_iam_role" "delivery" {
                  assume_role_policy = jsonencode({
                    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "cloudtrail.amazonaws.com" } }]
                  })
                }

                resource "aws_iam_role_policy" "delivery" {
                  role   = aws_iam_role.delivery.id
                  policy = data.aws_iam_policy_document.deliver.json
                }

                resource "aws_cloudtrail" "audit" {
                  name                       = "audit"
                  s3_bucket_name             = "audit-logs"
                  cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:audit:*"
                  cloud_watch_logs_role_arn  = aws_iam_role.delivery.arn
                }
                """);
        Cli.Run run = fixLeavesUntouched(file);
        assertTrue(run.err().contains("trailwatch: not fixed " + file + ":23:3: TW003 aws_cloudtrail.audit:"
                + " aws_iam_role.delivery has no aws_iam_role_policy in this file whose policy is a literal"
                + " jsonencode({...}) document: add logs:CreateLogStream and logs:PutLogEvents by hand\n"), run.err());
    }

    private Path write(String text) throws IOException {
        Files.createDirectory(temp.resolve(".git"));
        return Files.writeString(temp.resolve("main.tf"), text);
    }

    private static Cli.Run fixLeavesUntouched(Path file) throws IOException {
        byte[] before = Files.readAllBytes(file);
        Cli.Run run = Cli.run("scan", "--fix", file.toString());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(ExitCodes.FINDINGS, run.exitCode(), run.err());
        assertFalse(run.err().contains("trailwatch: fixed"), run.err());
        assertTrue(run.outLines().stream().anyMatch(l -> l.startsWith(file + ":") && l.contains(" error TW003 ")),
                run.out());
        return run;
    }
}
