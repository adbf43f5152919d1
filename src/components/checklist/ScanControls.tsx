/**
 * What the tracker adds at the end of the article's scan step (step 2): did a
 * scan find malware, and which devices were scanned. The follow-up a malware
 * find adds (change the password again) is passed in as `followUp` and shows
 * right after the question, before step 3.
 */
import { Component, type ComponentChildren } from 'preact';
import {
  DEVICE_NAME_MAX_LENGTH,
  MAX_DEVICES,
  addDevice,
  answerMalwareFound,
  removeDevice,
  setDeviceScanned,
  type ChecklistState,
} from '../../lib/checklist/state';
import { YesNo } from './YesNo';
import { shortTime } from './time';

const DEVICE_KINDS = ['Work computer', 'Home computer', 'Laptop', 'Phone', 'Tablet'];

interface Props {
  checklist: ChecklistState;
  onChange: (next: ChecklistState) => void;
  followUp: ComponentChildren;
}

export class ScanControls extends Component<Props, { newDevice: string }> {
  override state = { newDevice: '' };

  override render() {
    const { checklist, onChange, followUp } = this.props;
    const { newDevice } = this.state;
    const full = checklist.devices.length >= MAX_DEVICES;
    return (
      <>
        <fieldset class="checklist__devices">
          <legend>Each device scanned</legend>
          {checklist.devices.length > 0 && (
            <ul>
              {checklist.devices.map((device) => (
                <li key={device.id} data-device={device.id}>
                  <input
                    type="checkbox"
                    id={`checklist-${device.id}`}
                    checked={device.scannedAt !== null}
                    onChange={(event) =>
                      onChange(setDeviceScanned(checklist, device.id, event.currentTarget.checked, Date.now()))
                    }
                  />
                  <label for={`checklist-${device.id}`}>
                    {device.name}
                    {device.scannedAt !== null && (
                      <span class="checklist__when">, scanned {shortTime(device.scannedAt)}</span>
                    )}
                  </label>
                  <button
                    type="button"
                    class="checklist__remove"
                    onClick={() => onChange(removeDevice(checklist, device.id))}
                  >
                    Remove<span class="visually-hidden"> {device.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form
            class="checklist__add"
            onSubmit={(event) => {
              event.preventDefault();
              onChange(addDevice(checklist, newDevice));
              this.setState({ newDevice: '' });
            }}
          >
            <label for="checklist-new-device">Add a device {full && `(at most ${MAX_DEVICES})`}</label>
            <span class="checklist__add-row">
              <input
                type="text"
                id="checklist-new-device"
                list="checklist-device-kinds"
                autocomplete="off"
                maxLength={DEVICE_NAME_MAX_LENGTH}
                value={newDevice}
                disabled={full}
                aria-describedby="checklist-new-device-hint"
                onInput={(event) => this.setState({ newDevice: event.currentTarget.value })}
              />
              <button type="submit" disabled={full}>
                Add device
              </button>
            </span>
            <span class="checklist__hint" id="checklist-new-device-hint">
              Every computer, phone and tablet you read this mail on, for example &ldquo;Work laptop&rdquo;.
            </span>
            <datalist id="checklist-device-kinds">
              {DEVICE_KINDS.map((kind) => (
                <option key={kind} value={kind} />
              ))}
            </datalist>
          </form>
        </fieldset>
        <YesNo
          name="malware-found"
          legend="Did a scan find malware?"
          value={checklist.malwareFound}
          onChange={(answer) => onChange(answerMalwareFound(checklist, answer))}
        />
        {followUp}
      </>
    );
  }
}
