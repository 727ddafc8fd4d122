package dev.shop.gitops.argocd;

import dev.shop.gitops.verify.Violation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Argo CD's sync waves, modelled: the root applies one wave, waits until all of it is Healthy (the
 * Application health check in values/argocd-bootstrap.yaml makes a child Application count), then goes
 * on. So every need must be given by an earlier wave, or by the same wave when waiting converges:
 * <ul>
 *   <li>a CRD: an earlier wave, or the same wave only when the taker retries (its first dry run fails);</li>
 *   <li>a Secret, ConfigMap, namespace, ingress class, secret store, storage class: not a later wave, or the
 *       taker's wave never turns Healthy and the waves deadlock;</li>
 *   <li>a ClusterIssuer: anywhere (cert-manager retries; nothing waits for it).</li>
 * </ul>
 * Inside one Application, its objects' own waves order giver and taker the same way.
 */
final class SyncOrderCheck {

    static final String RULE_CRD = "sync-order-crd";
    static final String RULE_DEADLOCK = "sync-order-deadlock";
    static final String RULE_MISSING = "sync-order-missing";

    private SyncOrderCheck() {
    }

    static List<Violation> check(ClusterModel model) {
        List<Violation> found = new ArrayList<>();
        String where = "ops/argocd/clusters/" + model.cluster;
        for (SyncUnit taker : model.units) {
            Set<Problem> reported = new LinkedHashSet<>();
            for (SyncUnit.Item need : taker.needs) {
                Problem problem = problem(model.units, taker, need);
                if (problem != null && reported.add(problem)) {
                    found.add(violation(where, taker, need, problem));
                }
            }
        }
        return found;
    }

    private record Problem(String rule, String message) {
    }

    /** Why need cannot be met in time, or null. */
    private static Problem problem(List<SyncUnit> units, SyncUnit taker, SyncUnit.Item need) {
        Capability capability = need.capability();
        List<SyncUnit> givers = new ArrayList<>();
        Integer sameUnitWave = null;
        for (SyncUnit unit : units) {
            for (SyncUnit.Item given : unit.provides) {
                if (!given.capability().equals(capability)) {
                    continue;
                }
                givers.add(unit);
                if (unit == taker) {
                    sameUnitWave = sameUnitWave == null ? given.innerWave() : Math.min(sameUnitWave, given.innerWave());
                }
            }
        }
        if (givers.isEmpty()) {
            return new Problem(RULE_MISSING, need.object() + " needs " + capability + ", which nothing Argo CD syncs in this cluster provides");
        }
        if (capability.order() == Capability.Order.ANY_WAVE) {
            return null;
        }
        if (sameUnitWave != null && sameUnitWave <= need.innerWave()) {
            return null;
        }
        int earliest = givers.stream().filter(u -> u != taker).mapToInt(u -> u.wave).min().orElse(Integer.MAX_VALUE);
        if (earliest < taker.wave) {
            return null;
        }
        if (earliest == taker.wave && earliest != Integer.MAX_VALUE) {
            if (capability.order() == Capability.Order.HEALTH || taker.retries) {
                return null;
            }
            return new Problem(RULE_CRD, need.object() + " uses " + capability + " from the same wave " + taker.wave
                    + " without retry: its first dry run fails and it stays failed until the next commit");
        }
        String laterWave = earliest == Integer.MAX_VALUE ? "a later wave inside the Application" : "wave " + earliest;
        if (capability.order() == Capability.Order.CRD) {
            return new Problem(RULE_CRD, need.object() + " is synced in wave " + taker.wave + ", before its " + capability
                    + " is installed (" + laterWave + ")");
        }
        return new Problem(RULE_DEADLOCK, need.object() + " needs " + capability + " to become Healthy in wave " + taker.wave
                + ", but only " + laterWave + " provides it: the root waits forever");
    }

    private static Violation violation(String where, SyncUnit taker, SyncUnit.Item need, Problem problem) {
        String hint = switch (problem.rule()) {
            case RULE_MISSING -> "add the add-on that provides it, or state it in " + ClusterModel.CONTRACTS + "/<app>.yaml";
            case RULE_CRD -> "move the provider of the CRD to an earlier sync wave (or add retry to " + taker.name + ")";
            default -> "give " + need.capability() + " in an earlier sync wave than " + taker.name;
        };
        return new Violation(where, taker.name, problem.rule(), problem.message(), hint);
    }
}
