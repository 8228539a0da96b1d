package dev.impress.generate;

import dev.impress.model.Decoding;

/** The model of one stage and its temperature (null: the model's default, not sent). */
public record StageModel(String model, Double temperature) {
    public Decoding decoding() {
        return temperature == null ? Decoding.DEFAULT : Decoding.temperature(temperature);
    }

    public String temperatureLabel() {
        return temperature == null ? "default" : String.valueOf(temperature);
    }
}
