package dev.shop.gitops.argocd;

import java.util.ArrayList;
import java.util.List;

/**
 * One thing the root Application syncs in a wave: an Application (with what its chart or folder gives
 * and needs), or an object the root applies itself. Objects inside a unit keep their own sync waves.
 */
final class SyncUnit {

    /** A capability given or needed by one object of the unit, at that object's wave inside the unit. */
    record Item(Capability capability, String object, int innerWave) {
    }

    final String name;
    final int wave;
    final boolean retries;
    final List<Item> provides = new ArrayList<>();
    final List<Item> needs = new ArrayList<>();

    SyncUnit(String name, int wave, boolean retries) {
        this.name = name;
        this.wave = wave;
        this.retries = retries;
    }

    void provide(Capability capability, String object, int innerWave) {
        provides.add(new Item(capability, object, innerWave));
    }

    void need(Capability capability, String object, int innerWave) {
        needs.add(new Item(capability, object, innerWave));
    }

    @Override
    public String toString() {
        return name + " (wave " + wave + ")";
    }
}
