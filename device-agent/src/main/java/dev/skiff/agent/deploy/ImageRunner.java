package dev.skiff.agent.deploy;

import dev.skiff.agent.content.ContentStore;
import dev.skiff.agent.supervisor.ContainerTemplate;
import dev.skiff.agent.supervisor.Supervisor;
import dev.skiff.agent.trust.TrustGate;
import dev.skiff.agent.trust.TrustVerdict;
import dev.skiff.image.AppImage;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.Reference;
import dev.skiff.protocols.manifest.AppManifest;
import dev.skiff.runtime.AdmissionException;
import dev.skiff.runtime.ContainerState;
import dev.skiff.runtime.Sandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs an image of the store once, to its end, and forgets it: the agent's counterpart of
 * containerd's task create, start, wait and delete. No app, release or record is made; the trust
 * policy and the memory budget admit it as they admit a deploy. Verdicts and prepared templates are
 * kept per digest, so running an image again costs only its container.
 */
public final class ImageRunner {
    /** How much of each of stdout and stderr the answer carries. */
    public static final int OUTPUT_LIMIT = 64 << 10;
    /** Images whose verdict and template stay in memory; more are checked and prepared again. */
    private static final int REMEMBERED = 32;

    private final ReleaseLauncher launcher;
    private final TrustGate trust;
    private final Supervisor supervisor;
    /** Pinned references that passed the trust policy; a refusal is not kept, a signature may come later. */
    private final Set<Reference> admitted = Collections.newSetFromMap(lru());
    private final Map<Digest, ContainerTemplate> templates = lru();

    /** How a run ended, with what the guest wrote. */
    public record Result(Reference image, ContainerState end, String stdout, String stderr, boolean outputTruncated) {}

    public ImageRunner(ContentStore content, Sandbox sandbox, Path volumes, TrustGate trust, Supervisor supervisor) {
        this.launcher = new ReleaseLauncher(content, sandbox, volumes);
        this.trust = trust;
        this.supervisor = supervisor;
    }

    /**
     * Runs the image (delivered under {@code ref}) and waits for its end.
     *
     * @param args the guest's arguments after its program name, or null for the image's
     * @throws DeployException when it cannot run: not in the store, refused, over the budget, declares volumes
     */
    public Result run(Reference ref, List<String> args) throws DeployException, InterruptedException {
        Reference pinned;
        ContainerTemplate template;
        try {
            pinned = ref.withDigest(launcher.digestOf(ref));
            admit(pinned);
            template = template(pinned);
        } catch (LaunchException e) {
            throw new DeployException("cannot run " + ref.familiar() + ": " + e.getMessage(), e);
        }
        if (args != null) {
            List<String> argv = new ArrayList<>(List.of(template.argv().getFirst()));
            argv.addAll(args);
            template = new ContainerTemplate(template.app(), template.releaseId(), template.module(), argv, template.env(), template.mounts(),
                    template.limits(), template.restart(), template.grants());
        }
        CapturedOutput stdout = new CapturedOutput(OUTPUT_LIMIT);
        CapturedOutput stderr = new CapturedOutput(OUTPUT_LIMIT);
        try {
            ContainerState end = supervisor.runOnce(template, stdout, stderr);
            return new Result(pinned, end, stdout.text(), stderr.text(), stdout.truncated() || stderr.truncated());
        } catch (AdmissionException e) {
            throw new DeployException("cannot run " + pinned.familiar() + ": " + e.getMessage(), e);
        }
    }

    /** Checks the pinned image against the trust policy, once per digest and reference. */
    private void admit(Reference pinned) throws LaunchException {
        if (admitted.contains(pinned)) {
            return;
        }
        TrustVerdict verdict = trust.check(pinned);
        if (verdict.decision() == TrustVerdict.Decision.REFUSED) {
            throw new LaunchException(verdict.message(), null);
        }
        admitted.add(pinned);
    }

    private ContainerTemplate template(Reference pinned) throws LaunchException {
        ContainerTemplate known = templates.get(pinned.digest());
        if (known != null) {
            return known;
        }
        AppImage image = launcher.image(pinned.digest());
        AppManifest manifest = ReleaseLauncher.manifest(pinned.shortName(), image);
        if (!manifest.volumes().isEmpty()) {
            throw new LaunchException(manifest.name() + " declares volumes, and a run keeps nothing; deploy it as an app instead", null);
        }
        ContainerTemplate template = launcher.template(manifest.name(), 0, pinned.digest(), image, manifest);
        templates.put(pinned.digest(), template);
        return template;
    }

    private static <K, V> Map<K, V> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > REMEMBERED;
            }
        });
    }
}
