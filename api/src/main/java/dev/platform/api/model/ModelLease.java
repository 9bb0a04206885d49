package dev.platform.api.model;

/**
 * A request's hold on a serving model. The registry holds its model too; a replaced model is closed
 * (its native memory freed) when the registry and the last request holding it have let go, so no
 * request ever runs on a closed model.
 */
public final class ModelLease implements AutoCloseable {
  private final ServingModel model;
  private final Holders holders;

  private ModelLease(ServingModel model, Holders holders) {
    this.model = model;
    this.holders = holders;
  }

  public ServingModel model() {
    return model;
  }

  @Override
  public void close() {
    holders.leave();
  }

  /** Counts who holds a model: the registry (one) and the requests using it. */
  static final class Holders {
    private final ServingModel model;
    private final java.util.concurrent.atomic.AtomicInteger count =
        new java.util.concurrent.atomic.AtomicInteger(1);

    Holders(ServingModel model) {
      this.model = model;
    }

    ServingModel model() {
      return model;
    }

    /** A lease, or empty when the model was let go of already (a reload just replaced it). */
    java.util.Optional<ModelLease> enter() {
      while (true) {
        int holders = count.get();
        if (holders == 0) {
          return java.util.Optional.empty();
        }
        if (count.compareAndSet(holders, holders + 1)) {
          return java.util.Optional.of(new ModelLease(model, this));
        }
      }
    }

    /** Lets go; the last one out closes the model. */
    void leave() {
      if (count.decrementAndGet() == 0) {
        model.close();
      }
    }
  }
}
