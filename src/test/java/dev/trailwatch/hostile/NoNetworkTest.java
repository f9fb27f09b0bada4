package dev.trailwatch.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Module sources that are URLs, registry addresses or buckets, and templates that name other
 * templates by URL, are never fetched: a scan resolves no host, opens no connection and starts no
 * process (a security manager in the forked JVM records any attempt).
 */
class NoNetworkTest {
    @TempDir
    Path temp;

    @Test
    void remoteSourcesAreNeitherFetchedNorRun() throws Exception {
        StringBuilder tf = new StringBuilder();
        List<String> sources = List.of("git::https://example.com/org/audit.git?ref=v1.2.0",
                "git::ssh://git@example.com/org/audit.git", "hashicorp/consul/aws", "app.terraform.io/org/audit/aws",
                "github.com/org/audit", "bitbucket.org/org/audit", "s3::https://s3.amazonaws.com/bucket/audit.zip",
                "gcs::https://www.googleapis.com/storage/v1/bucket/audit.zip", "https://example.com/audit.zip",
                "hg::http://example.com/audit", "../../../../../../etc");
        for (int i = 0; i < sources.size(); i++) {
            tf.append("module \"m").append(i).append("\" {\n  source  = \"").append(sources.get(i))
                    .append("\"\n  version = \"1.0.0\"\n}\n");
        }
        tf.append("resource \"aws_cloudtrail\" \"t\" {\n  name = \"t\"\n  cloud_watch_logs_group_arn = module.m0.arn\n}\n");
        Files.writeString(temp.resolve("main.tf"), tf);
        Files.writeString(temp.resolve("stack.yaml"), "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n"
                + "  Nested:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n"
                + "      TemplateURL: https://example.com/audit.yaml\n  Trail:\n    Type: AWS::CloudTrail::Trail\n"
                + "    Properties:\n      CloudWatchLogsLogGroupArn: !GetAtt Nested.Outputs.LogGroupArn\n"
                + "  Included:\n    Fn::Transform:\n      Name: AWS::Include\n"
                + "      Parameters:\n        Location: s3://bucket/include.yaml\n");
        Forked.Run run = Forked.run(List.of("-Djava.security.manager=allow", NoNetworkMain.class.getName()), temp,
                new Forked.None(), "scan", "--strict", ".");
        assertFalse(run.err().contains("FORBIDDEN"), run.err());
        assertFalse(run.err().contains("internal error"), run.err());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("main.tf:"), run.out());
        assertTrue(run.out().contains("stack.yaml:"), run.out());
    }

    @Test
    void theGuardSeesLookupsConnectionsAndProcesses() throws Exception {
        Forked.Run run = Forked.run(List.of("-Djava.security.manager=allow", NoNetworkMain.class.getName()), temp,
                new Forked.None(), "--probe");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("FORBIDDEN connect to or resolve localhost:-1"), run.err());
        assertTrue(run.err().contains("FORBIDDEN connect to or resolve 127.0.0.1:9"), run.err());
        assertTrue(run.err().contains("FORBIDDEN run true"), run.err());
    }
}
