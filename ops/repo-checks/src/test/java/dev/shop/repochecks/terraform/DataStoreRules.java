package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The data stores: RDS on PostgreSQL 17 with the master password managed by RDS, the cache
 * encrypted with failover and an auth token; and in envs/prod, Multi-AZ, deletion protection,
 * a final snapshot and at least 7 days of backups, set as literals where the module is called.
 */
final class DataStoreRules {

    static final String RDS_MODULE = "terraform-aws-modules/rds/aws";
    static final String ELASTICACHE_MODULE = "terraform-aws-modules/elasticache/aws";
    private static final List<String> CACHE_FLAGS = List.of(
            "transit_encryption_enabled", "at_rest_encryption_enabled", "automatic_failover_enabled", "multi_az_enabled");

    private DataStoreRules() {
    }

    static List<String> prodDataStores(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        for (TerraformTree.Block call : tree.moduleCalls()) {
            if (call.source().startsWith(RDS_MODULE)) {
                checkDatabase(call.where(), call.body(), findings);
            }
            if (call.source().startsWith(ELASTICACHE_MODULE)) {
                checkCache(call.where(), call.body(), findings);
            }
            if (call.folder().name().equals("envs/prod") && call.source().endsWith("modules/data")) {
                checkProdData(call.where(), call.body(), findings);
            }
        }
        return findings;
    }

    private static void checkDatabase(String where, JsonNode call, List<String> findings) {
        if (!call.path("manage_master_user_password").asBoolean(false)) {
            findings.add(where + " must set manage_master_user_password = true");
        }
        if (call.has("password")) {
            findings.add(where + " must not set a master password");
        }
        if (!call.path("engine_version").asText("").matches("^17(\\..*)?$")) {
            findings.add(where + " must run PostgreSQL 17");
        }
        if (!call.path("storage_encrypted").asBoolean(false)) {
            findings.add(where + " must set storage_encrypted = true");
        }
        // Safety flags are chosen by the caller (var.x), never hard-wired off in the module.
        for (String flag : List.of("multi_az", "deletion_protection", "skip_final_snapshot", "backup_retention_period")) {
            if (!Expressions.isExpression(call.path(flag))) {
                findings.add(where + " must take " + flag + " from a variable so each environment sets it");
            }
        }
    }

    private static void checkCache(String where, JsonNode call, List<String> findings) {
        for (String flag : CACHE_FLAGS) {
            if (!call.path(flag).asBoolean(false)) {
                findings.add(where + " must set " + flag + " = true");
            }
        }
        if (!Expressions.isExpression(call.path("auth_token"))) {
            findings.add(where + " must take auth_token from Secrets Manager (an expression, not a literal)");
        }
    }

    private static void checkProdData(String where, JsonNode call, List<String> findings) {
        expectLiteral(call, "multi_az", true, where, findings);
        expectLiteral(call, "deletion_protection", true, where, findings);
        expectLiteral(call, "skip_final_snapshot", false, where, findings);
        JsonNode backups = call.path("backup_retention_days");
        if (!backups.isNumber() || backups.asInt() < 7) {
            findings.add(where + " must keep backup_retention_days >= 7 (a literal), has " + backups);
        }
    }

    private static void expectLiteral(JsonNode call, String flag, boolean expected, String where, List<String> findings) {
        JsonNode value = call.path(flag);
        if (!value.isBoolean() || value.asBoolean() != expected) {
            findings.add(where + " must set " + flag + " = " + expected + " (a literal), has " + value);
        }
    }
}
